resource "aws_db_instance" "app" {
	identifier          = "app"
	engine              = "postgres"
	instance_class      = "db.t3.micro"
	allocated_storage   = 20
	username            = "app"
	password            = random_password.db.result
	deletion_protection = true  # required by the security baseline
	skip_final_snapshot = false # keep a snapshot on delete
}
