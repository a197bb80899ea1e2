resource "aws_neptune_cluster" "graph" {
  lifecycle {
    ignore_changes = [engine_version]
  }
}
