terraform {
  # Remote state
  backend "s3" {
    bucket = "state-${var.env}" # per env
    key    = "app.tfstate"
    region = "us-east-1"
  }
}
