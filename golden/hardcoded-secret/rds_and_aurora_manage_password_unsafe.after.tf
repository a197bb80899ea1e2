resource "aws_db_instance" "app" {
  identifier     = "app"
  engine         = "postgres"
  instance_class = "db.t4g.micro"
  username       = "app"
  # generated for the demo
  manage_master_user_password = true # change later
}

resource "aws_rds_cluster" "reports" {
  cluster_identifier          = "reports"
  engine                      = "aurora-mysql"
  master_username             = "admin"
  manage_master_user_password = true
}

resource "aws_rds_cluster" "managed" {
  cluster_identifier          = "managed"
  engine                      = "aurora-postgresql"
  master_username             = "admin"
  manage_master_user_password = true
}
