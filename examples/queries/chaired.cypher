// The meetings a person chaired (--param who='dao hong van'), with date and place.
MATCH (p:Person)-[a:ATTENDED {role: 'chair'}]->(m:Meeting)
WHERE fold(p.name) = fold($who)
OPTIONAL MATCH (m)-[:HELD_IN]->(pr:Province)
RETURN m.name AS meeting, m.date AS date, pr.name AS province
ORDER BY date
