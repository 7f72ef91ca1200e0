// Which directives each province's meetings discussed, and how many meetings did.
MATCH (pr:Province)<-[:HELD_IN]-(m:Meeting)-[:DISCUSSED]->(d:Directive)
RETURN pr.name AS province, d.name AS directive, count(DISTINCT m) AS meetings
ORDER BY province, meetings DESC, directive
