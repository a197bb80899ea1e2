resource "google_sql_user" "app" {
	name     = "app"
	instance = google_sql_database_instance.main.name
	password = var.app_password
}

resource "google_sql_database_instance" "main" {
	name             = "main"
	database_version = "POSTGRES_15"

	settings {
		tier = "db-f1-micro"
	}
}
