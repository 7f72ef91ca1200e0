// The Bộ Chính trị documents most referenced: by other documents, by meetings, and by articles.
MATCH (d:Directive)
WHERE d.issuer = 'Bộ Chính trị' OR d.code =~ '.*-(CT|NQ|KL|QĐ)/TW'
OPTIONAL MATCH (d)<-[r:REFERENCES|DISCUSSED]-()
RETURN d.name AS document, d.date AS issued, count(r) AS referenced, size(d.sources) AS articles
ORDER BY referenced DESC, articles DESC, document
LIMIT 20
