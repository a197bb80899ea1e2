module "data" {
  source = "../../modules/bucket"

  bucket_name = "acme-prod-data" # named by the data team
  tags = {
    Env = "prod"
  }
}
