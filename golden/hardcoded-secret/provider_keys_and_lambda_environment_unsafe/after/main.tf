provider "aws" {
  region     = "us-east-1"
  access_key = var.aws_access_key
  secret_key = var.aws_secret_key
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.api.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "api.zip"

  environment {
    variables = {
      STAGE          = "prod"
      STRIPE_API_KEY = var.api_stripe_api_key
      JWT_SECRET     = var.api_jwt_secret
      TABLE_NAME     = aws_dynamodb_table.items.name
    }
  }
}

resource "aws_ecs_task_definition" "worker" {
  family = "worker"
  container_definitions = jsonencode([{
    name  = "worker"
    image = "worker:1"
    environment = [
      { name = "QUEUE_URL", value = "https://sqs.us-east-1.amazonaws.com/1/q" },
      { name = "DB_PASSWORD", value = var.worker_db_password },
    ]
  }])
}
