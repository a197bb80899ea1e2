data "aws_vpc" "main" {
  tags = {
    Environment = var.environment
  }
}
