resource "aws_neptune_cluster" "graph" {
  cluster_identifier  = "app-neptune"
  engine              = "neptune"
  deletion_protection = true

  tags = {
    Name = "app-neptune"
  }
}
