variable "deletion_protection" {
  description = "Protect the database from deletion."
  type        = bool
  default     = false
}

resource "aws_db_instance" "app" {
  identifier          = "app"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  username            = "app"
  password            = random_password.db.result
  deletion_protection = true
  skip_final_snapshot = true
}
