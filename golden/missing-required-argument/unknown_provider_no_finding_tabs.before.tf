resource "acme_db" "db" {
	engine = "postgres"
}
