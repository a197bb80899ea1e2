resource "aws_db_instance" "main_us_east_1" {
  provider               = aws.us_east_1
  identifier             = "tap-db-us-east-1"
  engine                 = "mysql"
  engine_version         = "8.0"
  instance_class         = "db.t3.micro"
  allocated_storage      = 20
  db_name                = "appdb"
  username               = "admin"
  password               = random_password.db.result
  db_subnet_group_name   = aws_db_subnet_group.us_east_1.name
  vpc_security_group_ids = [aws_security_group.db_us_east_1.id]
  multi_az               = true
  storage_encrypted      = true
  deletion_protection    = true
  skip_final_snapshot    = false

  tags = {
    Name = "tap-db-us-east-1"
  }
}

resource "aws_db_instance" "main_us_west_2" {
  provider               = aws.us_west_2
  identifier             = "tap-db-us-west-2"
  engine                 = "mysql"
  engine_version         = "8.0"
  instance_class         = "db.t3.micro"
  allocated_storage      = 20
  db_name                = "appdb"
  username               = "admin"
  password               = random_password.db.result
  db_subnet_group_name   = aws_db_subnet_group.us_west_2.name
  vpc_security_group_ids = [aws_security_group.db_us_west_2.id]
  multi_az               = true
  storage_encrypted      = true
  deletion_protection    = true
  skip_final_snapshot    = false

  tags = {
    Name = "tap-db-us-west-2"
  }
}
