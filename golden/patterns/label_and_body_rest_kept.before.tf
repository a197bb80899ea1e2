# the public entry point
resource "aws_alb" "front" {
  name     = "front" # dns name
  internal = false

  access_logs {
    bucket = "logs"
  }
}
