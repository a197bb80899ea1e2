resource "aws_db_instance" "main" {
  identifier          = "app-db"
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  allocated_storage   = 20
  skip_final_snapshot = false

  final_snapshot_identifier = "app-db-final-${timestamp()}"
}

output "endpoint" {
  value = aws_db_instance.main.endpoint
}
