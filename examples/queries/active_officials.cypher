// Officials who attended more than N meetings (--param n=3), with the roles they had.
MATCH (p:Person {kind: 'official'})-[a:ATTENDED]->(m:Meeting)
WITH p, count(DISTINCT m) AS meetings, collect(DISTINCT a.role) AS roles
WHERE meetings > $n
RETURN p.name AS official, meetings, roles
ORDER BY meetings DESC, official
