resource "aws_db_instance" "primary" {
  identifier        = "app-primary"
  engine            = "mysql"
  instance_class    = "db.t3.micro"
  allocated_storage = 20
  username          = "admin"
  password          = random_password.db.result
}

resource "aws_rds_cluster" "analytics" {
  cluster_identifier = "app-analytics"
  engine             = "aurora-mysql"
  master_username    = "admin"
  master_password    = random_password.db.result
}
