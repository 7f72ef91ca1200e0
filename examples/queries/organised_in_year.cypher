// What a body organised in a year (--param body='ban tuyen giao trung uong' --param year=2020).
MATCH (o:Organisation)-[r:ORGANISED]->(m:Meeting)
WHERE fold(o.name) = fold($body) AND year(coalesce(r.date, m.date)) = $year
RETURN m.name AS meeting, coalesce(r.date, m.date) AS date
ORDER BY date
