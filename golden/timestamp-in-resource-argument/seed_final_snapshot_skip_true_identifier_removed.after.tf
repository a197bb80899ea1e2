variable "app_name" {
  type    = string
  default = "webapp"
}

resource "aws_db_instance" "main_us_east_1" {
  provider = aws.us_east_1

  identifier     = "${var.app_name}-db-us-east-1"
  engine         = "mysql"
  engine_version = "8.0"
  instance_class = "db.t3.micro"

  allocated_storage = 20
  username          = "admin"
  password          = var.db_password

  deletion_protection = false
  skip_final_snapshot = true

  tags = {
    Name = "${var.app_name}-db-us-east-1"
  }
}

resource "aws_db_instance" "main_us_west_2" {
  provider = aws.us_west_2

  identifier     = "${var.app_name}-db-us-west-2"
  engine         = "mysql"
  engine_version = "8.0"
  instance_class = "db.t3.micro"

  allocated_storage = 20
  username          = "admin"
  password          = var.db_password

  deletion_protection = false
  skip_final_snapshot = true

  tags = {
    Name = "${var.app_name}-db-us-west-2"
  }
}
