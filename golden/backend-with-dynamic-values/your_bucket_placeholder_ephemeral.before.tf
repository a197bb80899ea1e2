terraform {
  backend "s3" {
    bucket         = "your-bucket"
    key            = "app/terraform.tfstate"
    region         = "us-east-1"
    dynamodb_table = "your-terraform-lock-table"
  }
}
