// Who attended which meetings, with their role and the date, newest first.
MATCH (p:Person)-[a:ATTENDED]->(m:Meeting)
RETURN p.name AS person, a.role AS role, coalesce(a.date, m.date) AS date, m.name AS meeting
ORDER BY date DESC, meeting, person
