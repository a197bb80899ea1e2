variable "environment" {
  type = string
}

variable "app_name" {
  type = string
}

resource "aws_iam_role_policy" "lambda_s3_us_east_1" {
  name = "${var.app_name}-lambda-s3-us-east-1"
  role = aws_iam_role.lambda.id
}

resource "aws_db_instance" "us_east_1" {
  identifier                = "${var.app_name}-db-us-east-1"
  engine                    = "mysql"
  instance_class            = "db.t3.micro"
  allocated_storage         = 20
  deletion_protection       = false
  skip_final_snapshot       = true
  final_snapshot_identifier = "${var.app_name}-db-final-snapshot-us-east-1"
}
