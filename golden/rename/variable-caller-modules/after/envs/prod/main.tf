module "data" {
  source = "../../modules/bucket"

  name = "acme-prod-data" # named by the data team
  tags = {
    Env = "prod"
  }
}
