data "aws_vpc" "main" {
  tags = {
    Environment = "prod"
  }
}
