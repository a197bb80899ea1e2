resource "aws_codebuild_project" "build" {
  name         = "build"
  service_role = aws_iam_role.codebuild.arn

  artifacts {
    type = "NO_ARTIFACTS"
  }

  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }

  source {
    type = "NO_SOURCE"
  }
}

resource "aws_glue_crawler" "events" {
  name          = "events"
  database_name = "events"
  role          = aws_iam_role.glue.arn

  s3_target {
    path = "s3://events/raw/"
  }
}

resource "aws_dms_endpoint" "dynamodb" {
  endpoint_id         = "dynamodb-target"
  endpoint_type       = "target"
  engine_name         = "dynamodb"
  service_access_role = aws_iam_role.dms_dynamodb.arn
}
