resource "aws_neptune_cluster" "graph" {
  cluster_identifier                  = "app-neptune"
  engine                              = "neptune"
  iam_database_authentication_enabled = true
  deletion_protection                 = true
  skip_final_snapshot                 = false
  apply_immediately                   = true
}
