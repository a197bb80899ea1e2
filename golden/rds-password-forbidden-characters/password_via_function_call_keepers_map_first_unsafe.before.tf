resource "random_password" "db" {
  keepers = {
    cluster = "app-aurora"
  }
  length = 24
}

resource "aws_rds_cluster" "main" {
  cluster_identifier = "app-aurora"
  engine             = "aurora-mysql"
  master_username    = "admin"
  master_password    = trimspace(random_password.db.result)
}
