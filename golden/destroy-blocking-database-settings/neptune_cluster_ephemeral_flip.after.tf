resource "aws_neptune_cluster" "graph" {
  cluster_identifier                  = "app-neptune"
  engine                              = "neptune"
  iam_database_authentication_enabled = true
  deletion_protection                 = false
  skip_final_snapshot                 = true
  apply_immediately                   = true
}
