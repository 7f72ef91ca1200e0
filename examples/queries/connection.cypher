// How two officials are connected (--param a='le hai binh' --param b='nguyen van hung'): the shortest chain.
MATCH (a:Person), (b:Person)
WHERE fold(a.name) = fold($a) AND fold(b.name) = fold($b)
MATCH p = shortestPath((a)-[*..8]-(b))
RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS chain, [r IN relationships(p) | type(r)] AS links
