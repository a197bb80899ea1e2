variable "aws_access_key" {
  description = "access_key of provider.aws (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "aws_secret_key" {
  description = "secret_key of provider.aws (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "api_stripe_api_key" {
  description = "STRIPE_API_KEY of aws_lambda_function.api (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "api_jwt_secret" {
  description = "JWT_SECRET of aws_lambda_function.api (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}

variable "worker_db_password" {
  description = "DB_PASSWORD of aws_ecs_task_definition.worker (a secret: pass it in, never commit it)."
  type        = string
  sensitive   = true
}
