terraform {
  backend "s3" {
    # per environment
    bucket = "state-${var.env}"
    key    = "app.tfstate"
    region = "us-east-1"
  }
}
