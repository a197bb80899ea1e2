module "logs" {
  source      = "./modules/bucket"
  bucket_name = "acme-logs"
  tags        = { Team = "ops" }
}

module "registry" {
  source      = "acme/bucket/aws"
  bucket_name = "left-alone"
}
