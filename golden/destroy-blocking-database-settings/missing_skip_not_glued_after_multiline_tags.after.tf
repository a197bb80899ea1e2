resource "aws_neptune_cluster" "graph" {
  cluster_identifier  = "app-neptune"
  engine              = "neptune"
  deletion_protection = false
  skip_final_snapshot = true

  tags = {
    Name = "app-neptune"
  }
}
