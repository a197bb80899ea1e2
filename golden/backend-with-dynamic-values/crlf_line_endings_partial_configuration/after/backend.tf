terraform {
  backend "s3" {
    key    = "app.tfstate"
    region = "us-east-1"
  }
}
