resource "random_password" "docdb" {
  length =  20
  override_special = "!#$%&*()-_=+[]{}<>:?"
}

resource "aws_docdb_cluster" "main" {
  cluster_identifier  =  "app-docdb"
  engine              =  "docdb"
  master_username     =  "docdbadmin"
  master_password     =  random_password.docdb.result
  skip_final_snapshot =  true
}
