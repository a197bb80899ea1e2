terraform {
  backend "s3" {
  }
}
