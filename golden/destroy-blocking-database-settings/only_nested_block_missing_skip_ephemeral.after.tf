resource "aws_neptune_cluster" "graph" {
  skip_final_snapshot = true

  lifecycle {
    ignore_changes = [engine_version]
  }
}
