// The officials who met a person most often (--param who='nguyen trong nghia'): shared meetings.
MATCH (p:Person)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(other:Person)
WHERE fold(p.name) = fold($who) AND other.kind = 'official'
RETURN other.name AS official, count(DISTINCT m) AS meetings, collect(DISTINCT m.date) AS dates
ORDER BY meetings DESC, official
LIMIT 20
