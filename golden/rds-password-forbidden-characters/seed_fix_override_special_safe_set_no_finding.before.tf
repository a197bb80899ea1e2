resource "random_password" "master" {
  length           = 32
  special          = true
  override_special = "!#$%&*()-_=+[]{}<>:?" # Exclude problematic chars like @ " ' / \
  min_special      = 2
  min_upper        = 2
  min_lower        = 2
  min_numeric      = 2
}

resource "aws_rds_cluster" "main" {
  cluster_identifier = "aurora-cluster"
  engine             = "aurora-postgresql"
  master_username    = "dbadmin"
  master_password    = random_password.master.result
}
