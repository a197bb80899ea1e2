resource "aws_db_instance" "primary" {
  identifier                = "app-primary"
  engine                    = "mysql"
  instance_class            = "db.t3.micro"
  allocated_storage         = 20
  final_snapshot_identifier = "app-primary-final-${formatdate("YYYYMMDDhhmmss", time_static.primary_final_snapshot.rfc3339)}"
}

resource "time_static" "primary_final_snapshot" {}

resource "aws_db_instance" "reporting" {
  identifier                = "app-reporting"
  engine                    = "mysql"
  instance_class            = "db.t3.micro"
  allocated_storage         = 20
  final_snapshot_identifier = "app-reporting-final-${formatdate("YYYYMMDDhhmmss", time_static.reporting_final_snapshot.rfc3339)}"
}

resource "time_static" "reporting_final_snapshot" {}
