resource "aws_db_instance" "tiny" { deletion_protection = false }
