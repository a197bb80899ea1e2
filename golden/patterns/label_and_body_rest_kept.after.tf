# the public entry point
resource "aws_lb" "front" {
  name     = "front" # dns name
  internal = false

  access_logs {
    bucket = "logs"
  }
}
