resource "aws_kinesis_firehose_delivery_stream" "logs" {
  name        = "logs"
  destination = "extended_s3"

  extended_s3_configuration {
    role_arn   = aws_iam_role.firehose
    bucket_arn = aws_s3_bucket.logs.arn
  }
}

resource "aws_cloudwatch_event_target" "run_task" {
  rule     = aws_cloudwatch_event_rule.nightly.name
  arn      = aws_ecs_cluster.main.arn
  role_arn = aws_iam_role.events

  ecs_target {
    task_definition_arn = aws_ecs_task_definition.app.arn
  }
}
