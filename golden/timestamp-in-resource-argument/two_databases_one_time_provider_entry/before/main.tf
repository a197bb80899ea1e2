resource "aws_db_instance" "primary" {
  identifier                = "app-primary"
  engine                    = "mysql"
  instance_class            = "db.t3.micro"
  allocated_storage         = 20
  final_snapshot_identifier = "app-primary-final-${timestamp()}"
}

resource "aws_db_instance" "reporting" {
  identifier                = "app-reporting"
  engine                    = "mysql"
  instance_class            = "db.t3.micro"
  allocated_storage         = 20
  final_snapshot_identifier = "app-reporting-final-${timestamp()}"
}
