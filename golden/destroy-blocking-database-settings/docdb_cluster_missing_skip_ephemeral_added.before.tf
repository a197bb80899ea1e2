resource "aws_docdb_cluster" "docs" {
  cluster_identifier  = "app-docdb"
  engine              = "docdb"
  master_username     = "app"
  master_password     = random_password.db.result
  deletion_protection = true
}
