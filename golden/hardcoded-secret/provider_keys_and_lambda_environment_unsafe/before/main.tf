provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAZ7QW3ERTY5UIOP2L"
  secret_key = "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"
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
      STRIPE_API_KEY = "sk_live_51HxYzAbCdEf"
      JWT_SECRET     = "jwt-signing-secret-2024"
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
      { name = "DB_PASSWORD", value = "ecs-db-pass-001" },
    ]
  }])
}
