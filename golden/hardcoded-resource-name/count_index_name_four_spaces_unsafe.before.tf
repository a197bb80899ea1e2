variable "environment" {
    type = string
}

resource "aws_rds_cluster_instance" "orders" {
    count              = 2
    identifier         = "orders-aurora-${count.index}"
    cluster_identifier = aws_rds_cluster.orders.id
}

resource "aws_sqs_queue" "per_key" {
    for_each = toset(["a", "b"])
    name     = "jobs-${each.key}-${var.environment}"
}
