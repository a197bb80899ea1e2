module "gke" {
	source     = "./modules/gke"
	version    = ">= 1.0"
	project_id = "acme-prod"
}
