locals {
    tags = {
        Team = "platform"
    }
    name = "app"
    env  = "prod"
}

resource "aws_s3_bucket" "b" {
    bucket = "${local.name}-${local.env}"
    tags   = merge(local.tags, { Name = local.name })
}

resource "aws_sqs_queue" "q" {
    name = local.name
    tags = local.tags
}
