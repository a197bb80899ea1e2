resource "aws_db_instance" "main" {
  identifier                = "app-db"
  engine                    = "mysql"
  instance_class            = "db.t3.micro"
  allocated_storage         = 20
  skip_final_snapshot       = "true"
  final_snapshot_identifier = "app-db-final-${timestamp()}"
}
