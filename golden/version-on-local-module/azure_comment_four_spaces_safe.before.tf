module "aks" {
    source = "../modules/aks"
    # pinned to the last release
    version = "~> 2.1" # keep in step with the registry

    location = "westeurope"
}
